#include "core/config/ConfigPaths.h"
#include "core/config/FileCredentialStore.h"
#include "core/config/Password.h"
#include "core/logging/Logging.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace occ;

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void missingFileMeansNoPassword();
    void passwordRoundTripsThroughAPrivateFile();
    void looseModeIsTightenedBeforeReading();
    void corruptFileIsAnErrorAndNeverOverwritten();
    void wrongTypeNamesTheKeyWithoutEchoingIt();
    void hostileFileIsRefusedWithoutEchoingIt_data();
    void hostileFileIsRefusedWithoutEchoingIt();
    void clearForgetsThePassword();
    void passwordsAreRegisteredForRedaction();
    void generatedPasswordsAreStrongAndEasyToCopy();
    void generatedPasswordsDiffer();
    void strength_data();
    void strength();

private:
    QByteArray readFile() const;
    QTemporaryDir* m_dir = nullptr;
    QString m_path;
};

void TestCredentialStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCredentialStore::init()
{
    Logging::reset();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = ConfigPaths::credentialsFile(m_dir->filePath(QStringLiteral("opencode-cloud/config.json")));
}

void TestCredentialStore::cleanup()
{
    Logging::reset();
    delete m_dir;
    m_dir = nullptr;
}

QByteArray TestCredentialStore::readFile() const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCredentialStore::missingFileMeansNoPassword()
{
    FileCredentialStore store(m_path);
    QVERIFY(!store.hasPassword());
    const auto password = store.password();
    QVERIFY(password.ok());
    QVERIFY(password.value().isEmpty());
    QVERIFY(!QFile::exists(m_path));
}

void TestCredentialStore::passwordRoundTripsThroughAPrivateFile()
{
    FileCredentialStore store(m_path);
    const QString secret = QStringLiteral("p\"ä ss:wörd\\");
    const auto set = store.setPassword(secret);
    QVERIFY2(set.ok(), qPrintable(set.error().toString()));
    QVERIFY(store.hasPassword());
    QCOMPARE(FileCredentialStore(m_path).password().value(), secret);
    QVERIFY(m_path.endsWith(QStringLiteral("/opencode-cloud/credentials.json")));
#ifndef Q_OS_WIN
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0700));
#endif
    QVERIFY(!store.setPassword(QString()).ok());
    QCOMPARE(store.password().value(), secret);
}

void TestCredentialStore::looseModeIsTightenedBeforeReading()
{
#ifdef Q_OS_WIN
    QSKIP("POSIX modes only");
#else
    FileCredentialStore store(m_path);
    QVERIFY(store.setPassword(QStringLiteral("correct horse battery")).ok());
    QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0644) == 0);
    QCOMPARE(store.password().value(), QStringLiteral("correct horse battery"));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
#endif
}

void TestCredentialStore::corruptFileIsAnErrorAndNeverOverwritten()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QByteArray corrupt("{\n  \"password\": \"abc\n}\n");
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(corrupt);
    }
    FileCredentialStore store(m_path);
    const auto password = store.password();
    QVERIFY(!password.ok());
    QCOMPARE(password.error().kind, ConfigError::Kind::Parse);
    QCOMPARE(password.error().file, m_path);
    QCOMPARE(password.error().line, 2);
    QVERIFY(!store.hasPassword());
    const auto set = store.setPassword(QStringLiteral("new-password-123"));
    QVERIFY(!set.ok());
    QVERIFY2(set.error().message.contains(QStringLiteral("not overwritten")), qPrintable(set.error().message));
    QCOMPARE(readFile(), corrupt);
}

void TestCredentialStore::wrongTypeNamesTheKeyWithoutEchoingIt()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "password": 918273645})");
    }
    const auto password = FileCredentialStore(m_path).password();
    QVERIFY(!password.ok());
    QCOMPARE(password.error().kind, ConfigError::Kind::Type);
    QCOMPARE(password.error().key, QStringLiteral("password"));
    QVERIFY(password.error().message.contains(QStringLiteral("expected a string")));
    QVERIFY(!password.error().toString().contains(QStringLiteral("918273645")));
}

void TestCredentialStore::hostileFileIsRefusedWithoutEchoingIt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the password twice") << QByteArray(
        "{\"version\": 1,\n \"password\": \"Secret-Otter-1\",\n \"password\": \"Secret-Otter-2\"}\n")
                                        << QStringLiteral(":3:2: password: duplicate key, also on line 2");
    QTest::newRow("arrays nested 100 000 deep")
        << QByteArray("{\"version\": 1, \"password\": \"Secret-Otter-1\", \"x\": ") + QByteArray(100000, '[')
            + QByteArray(100000, ']') + "}"
        << QStringLiteral("nested more than 32");
    QTest::newRow("an unterminated password")
        << QByteArray("{\"version\": 1, \"password\": \"Secret-Otter-1\n\"}") << QStringLiteral(":1:");
}

void TestCredentialStore::hostileFileIsRefusedWithoutEchoingIt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    FileCredentialStore store(m_path);
    const auto password = store.password();
    QVERIFY(!password.ok());
    QVERIFY2(password.error().toString().contains(expected), qPrintable(password.error().toString()));
    QVERIFY2(!password.error().toString().contains(QStringLiteral("Otter")), qPrintable(password.error().toString()));
    QVERIFY(!store.setPassword(QStringLiteral("Fresh-Badger-Lamp-77")).ok());
    QCOMPARE(readFile(), bytes);
}

void TestCredentialStore::clearForgetsThePassword()
{
    FileCredentialStore store(m_path);
    QVERIFY(store.setPassword(QStringLiteral("to-be-forgotten")).ok());
    QVERIFY(store.clear().ok());
    QVERIFY(!store.hasPassword());
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(store.clear().ok()); // nothing to clear is fine
}

void TestCredentialStore::passwordsAreRegisteredForRedaction()
{
    FileCredentialStore store(m_path);
    QVERIFY(store.setPassword(QStringLiteral("set-secret-4711")).ok());
    QCOMPARE(Logging::redact(QStringLiteral("pw set-secret-4711")), QStringLiteral("pw ********"));

    Logging::reset(); // forgets secrets; reading must register it again
    QCOMPARE(Logging::redact(QStringLiteral("pw set-secret-4711")), QStringLiteral("pw set-secret-4711"));
    QVERIFY(store.password().ok());
    QCOMPARE(Logging::redact(QStringLiteral("pw set-secret-4711")), QStringLiteral("pw ********"));
}

void TestCredentialStore::generatedPasswordsAreStrongAndEasyToCopy()
{
    const QString alphabet = passwordAlphabet();
    for (const char* ambiguous : {"0", "O", "o", "1", "l", "I"}) {
        QVERIFY2(!alphabet.contains(QLatin1String(ambiguous)), ambiguous);
    }
    for (int i = 0; i < 200; ++i) {
        const QString password = generatePassword();
        QVERIFY(password.size() >= 24);
        bool upper = false;
        bool lower = false;
        bool digit = false;
        for (const QChar c : password) {
            QVERIFY2(alphabet.contains(c), qPrintable(password)); // no quotes, spaces or symbols
            upper |= c.isUpper();
            lower |= c.isLower();
            digit |= c.isDigit();
        }
        QVERIFY2(upper && lower && digit, qPrintable(password));
        QCOMPARE(passwordStrength(password).level, PasswordStrength::Level::VeryStrong);
    }
    QCOMPARE(generatePassword(8).size(), 24); // never shorter than 24
    QCOMPARE(generatePassword(40).size(), 40);
}

void TestCredentialStore::generatedPasswordsDiffer()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        seen.insert(generatePassword());
    }
    QCOMPARE(seen.size(), 1000);
}

void TestCredentialStore::strength_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("maxScore");
    QTest::addColumn<int>("minScore");
    QTest::addColumn<QString>("reason");

    QTest::newRow("an empty password is very weak") << ""
                                                    << "" << 0 << 0 << "empty";
    QTest::newRow("a famous password is very weak however it is written") << "PassWord"
                                                                          << "" << 0 << 0 << "common";
    QTest::newRow("the product name is a common password") << "opencode"
                                                           << "" << 0 << 0 << "common";
    QTest::newRow("a short random password is at most weak") << "xQ7#bK2"
                                                             << "" << 1 << 0 << "short";
    QTest::newRow("a long run of one character is very weak") << "aaaaaaaaaaaaaaaa"
                                                              << "" << 0 << 0 << "repeated";
    QTest::newRow("a keyboard sequence is weak") << "abcdefghijklmnop"
                                                 << "" << 1 << 0 << "sequence";
    QTest::newRow("a password containing the user name is weak") << "alice-was-here-2024"
                                                                 << "Alice" << 1 << 0 << "user name";
    QTest::newRow("a long passphrase is strong") << "correct horse battery staple"
                                                 << "" << 4 << 3 << "strong";
    QTest::newRow("a generated password is very strong") << generatePassword() << "" << 4 << 4 << "strong";
}

void TestCredentialStore::strength()
{
    QFETCH(QString, password);
    QFETCH(QString, username);
    QFETCH(int, maxScore);
    QFETCH(int, minScore);
    QFETCH(QString, reason);

    const PasswordStrength s = passwordStrength(password, username);
    QVERIFY2(s.score <= maxScore && s.score >= minScore, qPrintable(QString::number(s.score) + " " + s.reason));
    QCOMPARE(int(s.level), s.score);
    QVERIFY2(s.reason.contains(reason), qPrintable(s.reason));
    QCOMPARE(s.acceptable(), s.score >= 2);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "TestCredentialStore.moc"
