package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.report.Merge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Joins the reports of several shards (grade --shard K/N) into one gradebook and index.")
final class MergeCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged report goes.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The --out folders of the shards.")
    List<Path> shards;

    @Override
    public Integer call() {
        Merge.merge(shards, out);
        System.out.println("merged " + shards.size() + " shard(s) into " + out.toAbsolutePath());
        return 0;
    }
}
