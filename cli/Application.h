#pragma once

#include <QStringList>

namespace occ::cli {

class Output;

// Parses global options, finds the verb and runs it. `occ` is main() + run(); the tests call run()
// in-process with a captured Output.
int run(const QStringList& arguments, Output& output);

// The global options every verb accepts, with their help.
QString usageText();

} // namespace occ::cli
