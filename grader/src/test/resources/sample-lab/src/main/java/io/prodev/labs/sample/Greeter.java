package io.prodev.labs.sample;

/** Task 1: greets a person by name. */
public final class Greeter {

    /**
     * @param name who to greet; spaces around it do not count
     * @return "Hello, NAME!"
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    public String greet(String name) {
        // BEGIN SOLUTION
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a greeting needs a name, got: " + name);
        }
        return "Hello, " + name.strip() + "!";
        // END SOLUTION
    }
}
