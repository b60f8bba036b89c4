package org.orbifold.cli;

import java.util.List;
import java.util.concurrent.Executor;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMedian;
import org.orbifold.stats.MedoidResult;
import picocli.CommandLine.Command;

/** {@code orbifold median}: the Frechet median by Weiszfeld-type iterations. */
@Command(name = "median", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Frechet median of the graphs (minimises the mean distance), "
            + "compared with the medoid (the best sample graph)."})
final class MedianCommand extends CenterCommand {

    MedianCommand() {
        super("median", "mean distance", false);
    }

    @Override
    CenterResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            Executor executor, IterationListener listener, MedoidResult medoid, Graph start) {
        return configure(FrechetMedian.builder(), aligner, executor, listener, medoid, start)
                .build().compute(space, graphs);
    }
}
