package dev.gameday.cli;

/** Bad input or configuration from the user: reported in one line, exit code 3. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
