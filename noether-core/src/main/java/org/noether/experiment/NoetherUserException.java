package org.noether.experiment;

/**
 * A failure caused by what the user asked for (a bad name, a missing file, an impossible setting),
 * as opposed to a bug. The CLI prints its message on one line and exits with status 2, without a stack trace.
 *
 * <p>Messages should name what was given and what is accepted, e.g.
 * {@code throw new NoetherUserException("unknown group 'D0'; expected C<n> or D<n> with n >= 1");}
 */
public class NoetherUserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message a one-line explanation naming the offending value and the accepted ones */
    public NoetherUserException(String message) {
        super(message);
    }

    /**
     * @param message a one-line explanation naming the offending value and the accepted ones
     * @param cause   the underlying failure, shown only in verbose mode
     */
    public NoetherUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
