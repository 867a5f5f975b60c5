package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Task("0")
@Hidden
class QueryLogHiddenTest {

    private static final List<String> WORDS = List.of(
            "SELECT", "*", "FROM", "users", "WHERE", "age", ">", "?", "AND", "name", "=", "LIKE", "ORDER", "BY", "id",
            "LIMIT");
    private static final List<String> SPACES = List.of(" ", "  ", "\t", "\n", "\r\n", " \n\t ");

    @Hint("one line per call: the clock's instant, the SQL with white space runs made one space and trimmed, then "
            + "the parameters in brackets, strings quoted and null as NULL")
    @Test
    void randomQueriesAreLoggedAsTheRuleSays() throws SQLException {
        Random random = new Random(17);
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.600Z"), ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        Query<Object> query = QueryLog.logQueries((sql, parameters) -> null, lines::add, clock);
        for (int i = 0; i < 300; i++) {
            StringBuilder sql =
                    new StringBuilder(random.nextBoolean() ? SPACES.get(random.nextInt(SPACES.size())) : "");
            List<String> words = new ArrayList<>();
            for (int w = 1 + random.nextInt(8); w > 0; w--) {
                String word = WORDS.get(random.nextInt(WORDS.size()));
                words.add(word);
                sql.append(word).append(SPACES.get(random.nextInt(SPACES.size())));
            }
            List<Object> parameters = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (int p = random.nextInt(4); p > 0; p--) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        int value = random.nextInt(200) - 100;
                        parameters.add(value);
                        shown.add(String.valueOf(value));
                    }
                    case 1 -> {
                        String value = "v" + random.nextInt(50) + (random.nextBoolean() ? " x" : "");
                        parameters.add(value);
                        shown.add("'" + value + "'");
                    }
                    case 2 -> {
                        parameters.add(null);
                        shown.add("NULL");
                    }
                    default -> {
                        double value = random.nextInt(1000) / 4.0;
                        parameters.add(value);
                        shown.add(String.valueOf(value));
                    }
                }
            }
            lines.clear();

            query.run(sql.toString(), parameters);

            assertThat(lines)
                    .as(
                            "the log of %s with %s",
                            sql.toString().replace("\n", "\\n").replace("\t", "\\t"), parameters)
                    .containsExactly("2026-01-02T03:04:05.600Z " + String.join(" ", words) + " ["
                            + String.join(", ", shown) + "]");
        }
    }
}
