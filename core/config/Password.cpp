#include "core/config/Password.h"

#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <cmath>

namespace occ {

namespace {

const QSet<QString>& commonPasswords()
{
    static const QSet<QString> list = {
        QStringLiteral("password"),      QStringLiteral("password1"),      QStringLiteral("passw0rd"),
        QStringLiteral("123456"),        QStringLiteral("12345678"),       QStringLiteral("123456789"),
        QStringLiteral("1234567890"),    QStringLiteral("qwerty"),         QStringLiteral("qwertyuiop"),
        QStringLiteral("letmein"),       QStringLiteral("welcome"),        QStringLiteral("admin"),
        QStringLiteral("administrator"), QStringLiteral("changeme"),       QStringLiteral("secret"),
        QStringLiteral("iloveyou"),      QStringLiteral("monkey"),         QStringLiteral("dragon"),
        QStringLiteral("opencode"),      QStringLiteral("opencode-cloud"), QStringLiteral("docker"),
        QStringLiteral("abc123"),        QStringLiteral("111111"),         QStringLiteral("000000"),
    };
    return list;
}

// Fraction of neighbouring characters that repeat or step by one ("aaaa", "abcd", "4321").
double predictableFraction(const QString& password)
{
    if (password.size() < 2) {
        return 0.0;
    }
    int predictable = 0;
    for (int i = 1; i < password.size(); ++i) {
        const int step = password.at(i).unicode() - password.at(i - 1).unicode();
        if (step == 0 || step == 1 || step == -1) {
            ++predictable;
        }
    }
    return double(predictable) / double(password.size() - 1);
}

} // namespace

QString passwordAlphabet()
{
    return QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
}

QString generatePassword(int length)
{
    length = qMax(length, 24);
    const QString alphabet = passwordAlphabet();
    QRandomGenerator* random = QRandomGenerator::system();
    for (;;) {
        QString password;
        password.reserve(length);
        bool upper = false;
        bool lower = false;
        bool digit = false;
        for (int i = 0; i < length; ++i) {
            const QChar c = alphabet.at(int(random->bounded(quint32(alphabet.size()))));
            upper |= c.isUpper();
            lower |= c.isLower();
            digit |= c.isDigit();
            password.append(c);
        }
        // Redrawing whole passwords keeps every accepted one uniformly distributed among those that
        // have all three classes; it takes more than one round about once in 20 000.
        if (upper && lower && digit) {
            return password;
        }
    }
}

PasswordStrength passwordStrength(const QString& password, const QString& username)
{
    PasswordStrength result;
    if (password.isEmpty()) {
        result.reason = QStringLiteral("empty");
        return result;
    }

    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const QChar c : password) {
        if (c.isLower()) {
            lower = true;
        } else if (c.isUpper()) {
            upper = true;
        } else if (c.isDigit()) {
            digit = true;
        } else {
            other = true;
        }
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    double bits = password.size() * std::log2(double(qMax(pool, 2)));

    QString reason;
    const QString folded = password.toLower();
    const double predictable = predictableFraction(password);
    if (commonPasswords().contains(folded)) {
        bits = qMin(bits, 8.0);
        reason = QStringLiteral("one of the most common passwords");
    } else if (!username.isEmpty() && folded.contains(username.toLower())) {
        bits = qMin(bits, 20.0);
        reason = QStringLiteral("contains the user name");
    } else if (predictable >= 0.7) {
        bits *= 1.0 - predictable;
        reason = QStringLiteral("repeated characters or a simple sequence");
    } else if (password.size() < 12) {
        reason = QStringLiteral("too short: use at least 12 characters");
    }
    if (password.size() < 12) {
        bits = qMin(bits, 35.0); // short passwords fall to offline guessing whatever their alphabet
    }

    result.entropyBits = bits;
    result.score = bits < 28 ? 0 : bits < 36 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
    result.level = static_cast<PasswordStrength::Level>(result.score);
    if (reason.isEmpty()) {
        if (result.score < 2) {
            reason = QStringLiteral("too easy to guess: make it longer or mix letters, digits and symbols");
        } else if (result.score < 3) {
            reason = QStringLiteral("fair: a few more characters would make it strong");
        } else {
            reason = QStringLiteral("strong");
        }
    }
    result.reason = reason;
    return result;
}

} // namespace occ
