#pragma once

#include "core/config/PasswordStrength.h"

#include <QString>

namespace occ {

// Letters and digits without the look-alikes (0/O/o, 1/l/I): read off a screen or typed from a phone
// without mistakes, selected whole by a double click, and safe in a shell or a URL without quoting.
QString passwordAlphabet();

// A strong random password from QRandomGenerator::system(): at least 24 characters of
// passwordAlphabet() (about 5.8 bits each), always with an upper-case letter, a lower-case letter and a
// digit so that picky policies accept it too.
QString generatePassword(int length = 24);

// A conservative estimate: character classes and length, minus common passwords, repeats, sequences,
// and the user name.
PasswordStrength passwordStrength(const QString& password, const QString& username = QString());

} // namespace occ
