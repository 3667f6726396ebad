package bookbot.sandbox.drill;

/** A step of the drill did not go as an operator would expect: the drill stops and exits 1. */
final class DrillFailure extends RuntimeException {

    DrillFailure(String message) {
        super(message);
    }
}
