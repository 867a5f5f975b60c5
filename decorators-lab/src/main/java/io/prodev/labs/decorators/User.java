package io.prodev.labs.decorators;

/** One row of the {@code users} table. */
public record User(long id, String name, String email, int age) {}
