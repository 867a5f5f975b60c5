package io.prodev.labs.grader.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The repository's own Maven modules and which of them each depends on, read from the POMs: what a lab
 * needs besides itself (labkit, labkit-redis, ...) is whatever its pom.xml says, never a name the grader
 * knows. The learner edition copies exactly these modules, and a lab counts as stale when any of them changed.
 */
public final class RepoModules {

    /** The groupId of the repository's own modules. */
    static final String GROUP_ID = "io.prodev.labs";

    /** Module folder names in the root POM's order. */
    private final List<String> modules;
    /** For each module folder, the folders of the repository modules it depends on directly. */
    private final Map<String, List<String>> dependencies;

    private RepoModules(List<String> modules, Map<String, List<String>> dependencies) {
        this.modules = modules;
        this.dependencies = dependencies;
    }

    /** @throws IllegalArgumentException when a POM cannot be read, naming it */
    public static RepoModules read(Path repo) {
        List<String> modules = new ArrayList<>();
        Element root = parse(repo.resolve("pom.xml")).getDocumentElement();
        Element moduleList = child(root, "modules");
        if (moduleList != null) {
            for (Element module : children(moduleList, "module")) {
                modules.add(module.getTextContent().strip());
            }
        }
        Map<String, String> folderOfArtifact = new LinkedHashMap<>();
        Map<String, Element> poms = new LinkedHashMap<>();
        for (String module : modules) {
            Path pom = repo.resolve(module).resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                Element project = parse(pom).getDocumentElement();
                poms.put(module, project);
                Element artifactId = child(project, "artifactId");
                folderOfArtifact.put(
                        artifactId == null
                                ? module
                                : artifactId.getTextContent().strip(),
                        module);
            }
        }
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        poms.forEach((module, project) -> {
            List<String> needed = new ArrayList<>();
            Element list = child(project, "dependencies");
            for (Element dependency : list == null ? List.<Element>of() : children(list, "dependency")) {
                Element group = child(dependency, "groupId");
                Element artifact = child(dependency, "artifactId");
                String groupId = group == null ? "" : group.getTextContent().strip();
                boolean ours = groupId.equals(GROUP_ID) || groupId.equals("${project.groupId}");
                if (ours
                        && artifact != null
                        && folderOfArtifact.containsKey(
                                artifact.getTextContent().strip())) {
                    needed.add(folderOfArtifact.get(artifact.getTextContent().strip()));
                }
            }
            dependencies.put(module, needed);
        });
        return new RepoModules(List.copyOf(modules), dependencies);
    }

    /** Every module the root POM lists, in its order. */
    public List<String> modules() {
        return modules;
    }

    /**
     * The repository modules {@code labs} need, directly or through each other, that are not labs themselves,
     * in the root POM's order (which Maven builds them in): the labkit modules their editions must carry.
     */
    public List<String> supportModulesOf(List<String> labs) {
        Set<String> needed = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(labs);
        while (!todo.isEmpty()) {
            for (String dependency : dependencies.getOrDefault(todo.remove(0), List.of())) {
                if (needed.add(dependency)) {
                    todo.add(dependency);
                }
            }
        }
        return modules.stream()
                .filter(needed::contains)
                .filter(module -> !labs.contains(module))
                .toList();
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && name.equals(element.getLocalName() != null ? element.getLocalName() : element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }
}
