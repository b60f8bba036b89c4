package org.orbifold.cli;

import java.util.List;
import java.util.concurrent.Executor;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.MedoidResult;
import org.orbifold.stats.FrechetMedian;
import picocli.CommandLine.Command;

/** {@code orbifold median}: the Frechet median by Weiszfeld-type iterations. */
@Command(name = "median", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Frechet median of the graphs (minimises the mean distance), "
            + "compared with the medoid (the best sample graph)."})
final class MedianCommand extends CenterCommand {

    MedianCommand() {
        super("median", "mean distance", false);
    }

    @Override
    CenterResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            Executor executor, IterationListener listener, MedoidResult medoid, Graph start) {
        FrechetMedian.Builder builder = FrechetMedian.builder().aligner(aligner)
                .maxIterations(maxIterations).executor(executor).listener(listener)
                .restarts(restarts).seed(options.seed);
        if (start == null) {
            builder.initial(medoid);
        } else {
            builder.initial(start);
        }
        return builder.build().compute(space, graphs);
    }
}
