#pragma once

#include <QString>

namespace occ {

// How good a password is, for the wizard's meter and its one-line advice.
struct PasswordStrength
{
    enum class Level {
        VeryWeak,
        Weak,
        Fair,
        Strong,
        VeryStrong,
    };

    Level level = Level::VeryWeak;
    int score = 0; // 0 (very weak) .. 4 (very strong), same order as Level
    double entropyBits = 0.0; // rough estimate after penalties
    QString reason; // the most useful single thing to say: why it is weak, or that it is fine

    bool acceptable() const { return score >= 2; }
};

} // namespace occ
