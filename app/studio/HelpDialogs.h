// Help → Keyboard Shortcuts (every action of the window with its keys, as the window has them) and
// Help → Documentation (the README and docs/ shipped with the studio, opened locally).
#pragma once

#include <QString>

class QWidget;

namespace handalign {

// The table of every QAction under `window` that has a shortcut, by menu.
void showShortcutsDialog(QWidget* window);
// The local documentation's entry page: the installed share/doc/handalign-studio/README.md, else
// the source tree's (a build run from the tree). Empty when neither exists.
QString documentationFile();
// Opens documentationFile() with the desktop's viewer; returns what went wrong, or empty.
QString openDocumentation();
void showAboutDialog(QWidget* window);

}  // namespace handalign
