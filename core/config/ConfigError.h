#pragma once

#include <QString>
#include <QVector>

namespace occ {

// One problem with the config or credentials file, precise enough to fix by hand:
// "~/.config/opencode-cloud/config.json:4:3: unexpected '}'; expected string literal" or
// "~/.config/opencode-cloud/config.json: network.port: expected an integer from 1 to 65535, got \"http\"".
struct ConfigError
{
    enum class Kind {
        Io, // cannot read, write or create the file or its folder
        Parse, // not JSON; line and column are set
        Type, // a known key holds the wrong JSON type
        Value, // right type, value not allowed
        UnknownKey, // `occ config set` with a key we do not have
        NewerVersion, // written by a newer opencode-cloud; left untouched
        Locked, // another process holds config.json.lock
        Unparseable, // refusing to overwrite a file that does not parse
        Permissions, // a secrets file others could read
    };

    Kind kind = Kind::Io;
    QString file;
    QString key; // dotted, when the problem belongs to one key
    int line = 0; // 1-based, Parse only
    int column = 0; // 1-based, in characters, Parse only
    QString message;

    static ConfigError make(Kind kind, const QString& file, const QString& key, const QString& message);
    QString toString() const;
};

using ConfigErrors = QVector<ConfigError>;

// One line per error, for the CLI and for test failure messages.
QString toString(const ConfigErrors& errors);

// A value from a file or a command line, quoted for a message: whole up to QuoteLimit characters, else
// the first QuoteLimit, an ellipsis and the length, so a 10 MB string never lands in a message whole.
constexpr int QuoteLimit = 60;
QString quoteValue(const QString& value);
// The same without the quotes, for keys and JSON text.
QString shortened(const QString& text);

} // namespace occ
