package io.prodev.labs.decorators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Fills the {@code users} table with the same rows every time: a name, an e-mail and an age for each id. */
public final class Seeder {

    private static final List<String> FIRST = List.of(
            "Abebe", "Almaz", "Dawit", "Hanna", "Kebede", "Liya", "Meron", "Naod", "Selam", "Tigist", "Yonas", "Zewdu",
            "Amina", "Bilal", "Chloe", "Diego", "Emma", "Farah", "Grace", "Ibrahim");
    private static final List<String> LAST =
            List.of("Tesfaye", "Bekele", "Girma", "Haile", "Mekonnen", "Alemu", "Tadesse", "Wolde", "Okafor", "Martin");

    private Seeder() {}

    /**
     * Inserts users 1 to {@code count} (deleting any there were), in one transaction: user {@code i} gets a name
     * and an age (18 to 80) drawn from a generator seeded with 42, and the e-mail {@code first.last<i>@example.com}.
     *
     * @throws IllegalArgumentException when count is negative
     */
    public static void seed(Database database, int count) throws SQLException {
        if (count < 0) {
            throw new IllegalArgumentException("the number of users must be 0 or more, got " + count);
        }
        Random random = new Random(42);
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)")) {
                delete.executeUpdate();
                for (int id = 1; id <= count; id++) {
                    String first = FIRST.get(random.nextInt(FIRST.size()));
                    String last = LAST.get(random.nextInt(LAST.size()));
                    insert.setInt(1, id);
                    insert.setString(2, first + " " + last);
                    insert.setString(
                            3,
                            first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + id + "@example.com");
                    insert.setInt(4, 18 + random.nextInt(63));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
