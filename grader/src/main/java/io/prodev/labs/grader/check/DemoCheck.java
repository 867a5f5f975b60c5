package io.prodev.labs.grader.check;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.labkit.fixture.FixtureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Proves a lab's demo runs: the class its pom.xml names in {@code <properties><exec.mainClass>} (what
 * {@code ./mvnw exec:java} starts) must end with exit code 0 on the reference within a time limit. A lab
 * without one, or with the parent POM's placeholder {@code none}, has no demo and nothing to prove.
 */
final class DemoCheck {

    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    /** The parent POM's exec.mainClass, for modules without a demo: exec:java checks it is set even when skipped. */
    static final String NO_DEMO = "none";

    private DemoCheck() {}

    static CheckOutcome check(PreparedLab lab, ReferencePrograms programs) {
        Optional<String> demo = mainClass(lab.dir().resolve("pom.xml"));
        if (demo.isEmpty()) {
            return new CheckOutcome("no demo to run (pom.xml sets no exec.mainClass)", List.of());
        }
        String mainClass = demo.get();
        String what = "the demo " + mainClass + " (exec.mainClass in pom.xml)";
        ProgramRun run;
        try {
            run = programs.run(mainClass, TIME_LIMIT);
        } catch (FixtureException e) {
            return new CheckOutcome(
                    what + " runs on the reference",
                    List.of(what + " could not run: the lab's fixtures did not start (" + e.getMessage() + ")"));
        }
        String summary = what + " ends cleanly on the reference ("
                + String.format(Locale.ROOT, "%.1f s", run.elapsed().toMillis() / 1000.0) + ")";
        if (!run.finished()) {
            return new CheckOutcome(
                    summary,
                    List.of(what + " did not finish within " + TIME_LIMIT.toSeconds()
                            + " s on the reference and was killed; " + run.tail(10)));
        }
        if (run.exitCode() != 0) {
            return new CheckOutcome(
                    summary,
                    List.of(what + " ended with exit code " + run.exitCode() + " on the reference; " + run.tail(10)));
        }
        return new CheckOutcome(summary, List.of());
    }

    /** @return the pom's own {@code exec.mainClass} property, unless it is missing, blank or the placeholder */
    static Optional<String> mainClass(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            // Only the project's own <properties>: a profile's may set another main class for another purpose.
            String value = child(project, "properties")
                    .flatMap(properties -> child(properties, "exec.mainClass"))
                    .map(element -> element.getTextContent().strip())
                    .orElse("");
            return value.isEmpty() || value.equals(NO_DEMO) ? Optional.empty() : Optional.of(value);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && name.equals(element.getLocalName() != null ? element.getLocalName() : element.getTagName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
