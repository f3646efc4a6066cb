#pragma once
// Where distillscope's data files (suites, simulator personas) are: found relative to the
// running executable, so an installed copy works from any directory and no source path is
// compiled in.
#include <string>

namespace ds::core {

// $DISTILLSCOPE_DATA_DIR, else the first of EXE_DIR/share/distillscope (the build tree) and
// EXE_DIR/../share/distillscope (installed: bin/ beside share/) that exists. Throws InputError
// naming both places when neither does.
std::string data_dir();

// The folder of the running executable.
std::string executable_dir();

}  // namespace ds::core
