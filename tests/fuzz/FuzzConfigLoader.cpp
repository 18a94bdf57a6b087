// libFuzzer target: loading config.json, ConfigStore::load(): reading the file, JSON parsing with line
// and column on errors, migrations from older versions, and each key's type and value checks. The
// loader has no in-memory entry, so each input is written to a file in a temporary directory first.
// Input: the bytes of config.json.
#include "core/config/ConfigStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

namespace {

QString configPath;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    static QTemporaryDir dir;
    if (!dir.isValid()) {
        std::abort();
    }
    configPath = dir.filePath(QStringLiteral("config.json"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) != static_cast<qint64>(size)) {
        std::abort(); // the harness itself failed, not the loader
    }
    file.close();
    const occ::ConfigStore store(configPath);
    const auto loaded = store.load();
    if (!loaded) {
        for (const occ::ConfigError& error : loaded.error()) {
            if (error.message.isEmpty()) {
                std::abort(); // every problem is shown to the user: it must say what is wrong
            }
        }
    }
    return 0;
}
