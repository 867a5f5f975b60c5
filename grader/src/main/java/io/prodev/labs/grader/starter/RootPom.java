package io.prodev.labs.grader.starter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the aggregator's {@code <modules>} list for the learner edition, keeping the rest of the POM. */
final class RootPom {

    private static final Pattern MODULES = Pattern.compile("([ \\t]*)<modules>.*?</modules>", Pattern.DOTALL);

    private RootPom() {}

    /**
     * @param pom     the instructor's root pom.xml
     * @param modules the modules the learner edition has, in build order
     * @throws IllegalArgumentException when the POM has no {@code <modules>} list or more than one
     */
    static String withModules(String pom, List<String> modules) {
        Matcher matcher = MODULES.matcher(pom);
        if (!matcher.find()) {
            throw new IllegalArgumentException("pom.xml has no <modules> list to rewrite");
        }
        int start = matcher.start();
        int end = matcher.end();
        String indent = matcher.group(1);
        if (matcher.find()) {
            throw new IllegalArgumentException("pom.xml has more than one <modules> list (one in a profile?);"
                    + " the learner edition can rewrite only one");
        }
        String eol = pom.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder list = new StringBuilder(indent).append("<modules>").append(eol);
        for (String module : modules) {
            list.append(indent)
                    .append("  <module>")
                    .append(module)
                    .append("</module>")
                    .append(eol);
        }
        list.append(indent).append("</modules>");
        return pom.substring(0, start) + list + pom.substring(end);
    }
}
