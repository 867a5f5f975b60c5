package io.prodev.labs.grader.compile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory with javax.tools, in this process (no Maven, no new JVM),
 * against a given class path, and reports errors per file with line numbers.
 */
public final class SourceCompiler {

    private final JavaCompiler javac;

    public SourceCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader on a JDK, not a JRE");
        }
    }

    /**
     * @param sources   file path relative to the lab (used in messages) -> source text
     * @param classpath jars and folders the sources compile against
     * @param output    where class files go
     * @return errors by file, in file order; empty when everything compiled
     */
    public Map<String, List<String>> compile(Map<String, String> sources, List<Path> classpath, Path output) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((path, text) -> units.add(new InMemorySource(path, text)));
            List<String> options =
                    List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none", "-g", "-encoding", "UTF-8");
            javac.getTask(null, files, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the compiler's file manager", e);
        }
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.groupingBy(
                        SourceCompiler::fileOf,
                        TreeMap::new,
                        Collectors.mapping(SourceCompiler::describe, Collectors.toList())));
    }

    private static String fileOf(Diagnostic<? extends JavaFileObject> diagnostic) {
        JavaFileObject source = diagnostic.getSource();
        return source instanceof InMemorySource memory ? memory.relativePath : "(no file)";
    }

    /** "path:line: message" then the source line and a caret, as javac prints it on a terminal. */
    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String where = fileOf(diagnostic) + ":" + diagnostic.getLineNumber();
        StringBuilder text = new StringBuilder(where).append(": error: ").append(diagnostic.getMessage(Locale.ROOT));
        if (diagnostic.getSource() instanceof InMemorySource memory && diagnostic.getLineNumber() > 0) {
            String[] lines = memory.text.split("\n", -1);
            int index = (int) diagnostic.getLineNumber() - 1;
            if (index < lines.length) {
                text.append('\n').append(lines[index].stripTrailing());
                long column = diagnostic.getColumnNumber();
                if (column > 0) {
                    text.append('\n').append(" ".repeat((int) column - 1)).append('^');
                }
            }
        }
        return text.toString();
    }

    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String relativePath;
        private final String text;

        InMemorySource(String relativePath, String text) {
            super(URI.create("string:///" + relativePath.replace(File.separatorChar, '/')), Kind.SOURCE);
            this.relativePath = relativePath;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
