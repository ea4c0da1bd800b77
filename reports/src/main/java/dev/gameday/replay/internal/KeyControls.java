package dev.gameday.replay.internal;

import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Single key presses on a terminal (JLine, raw mode): Enter or space next, r reveal, n type a note,
 * q (or Ctrl-C, Ctrl-D) quit.
 */
public final class KeyControls implements Controls {
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;

    private final Terminal terminal;
    private final LineReader noteReader;
    private final Screen screen;

    public KeyControls(Terminal terminal, Screen screen) {
        this.terminal = terminal;
        this.noteReader = LineReaderBuilder.builder().terminal(terminal).build();
        this.screen = screen;
    }

    @Override
    public Command next() throws IOException {
        while (true) {
            int key = readKey();
            switch (key) {
                case '\r', '\n', ' ' -> {
                    return Command.NEXT;
                }
                case 'r', 'R' -> {
                    return Command.REVEAL;
                }
                case 'n', 'N' -> {
                    String note = readNote();
                    if (!note.isBlank()) {
                        return Command.note(note.strip());
                    }
                    screen.line("   (no note)");
                }
                case 'q', 'Q', CTRL_C, CTRL_D, -1 -> {
                    return Command.QUIT;
                }
                default -> screen.line("   " + help());
            }
            screen.flush();
        }
    }

    private int readKey() throws IOException {
        Attributes saved = terminal.enterRawMode();
        // Ctrl-C as a key, not a signal: JLine's handler would swallow it and the replay could not quit.
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        try {
            return terminal.reader().read();
        } finally {
            terminal.setAttributes(saved);
        }
    }

    private String readNote() {
        try {
            return noteReader.readLine("   note> ");
        } catch (UserInterruptException | EndOfFileException e) {
            return "";
        }
    }

    @Override
    public String help() {
        return "[Enter/space] next  [r] reveal what happened  [n] note  [q] quit";
    }
}
