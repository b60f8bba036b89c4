package org.orbifold.cli;

import java.util.List;
import java.util.concurrent.Executor;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.MedoidResult;
import picocli.CommandLine.Command;

/** {@code orbifold mean}: the Frechet mean by align-all-and-average. */
@Command(name = "mean", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Frechet mean of the graphs (minimises the mean squared distance), "
            + "compared with the medoid (the best sample graph)."})
final class MeanCommand extends CenterCommand {

    MeanCommand() {
        super("mean", "mean squared distance", true);
    }

    @Override
    CenterResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            Executor executor, IterationListener listener, MedoidResult medoid, Graph start) {
        return configure(FrechetMean.builder(), aligner, executor, listener, medoid, start).build()
                .compute(space, graphs);
    }
}
