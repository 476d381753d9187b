package io.lossreview.analyzer.classify.learned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Text models kept as files, named by the fingerprint of their training rows and the training settings
 * ({@code analyzer.model-cache}). Training is deterministic, so the model trained from the same rows (names, values and
 * causes) with the same settings is the same model: a fresh database (each
 * test profile, a local demo, a simulated year) loads it in a second instead of training for half a minute. Without a
 * directory every model is trained. A file that cannot be read or written only costs a training, never a model.
 */
public final class ModelCache {

    private static final Logger LOG = Logger.getLogger(ModelCache.class);
    private final Path directory;

    public ModelCache(Optional<Path> directory) {
        this.directory = directory.orElse(null);
    }

    /**
     * What names the model trained with this cost on rows of this fingerprint ({@link ModelTraining#fingerprint}, which
     * the caller already has for the registry: digesting twenty thousand rows twice would cost a second for nothing).
     */
    public static String key(String fingerprint, double cost) {
        return fingerprint + "-" + TextModel.settings(cost);
    }

    /** The model this key ({@link #key}) names: the cached one when there is one, else trained and kept. */
    public TextModel model(String key, Supplier<TextModel> training) {
        if (directory == null) {
            return training.get();
        }
        Path file = directory.resolve(key + ".model.gz");
        if (Files.isRegularFile(file)) {
            try {
                TextModel cached = TextModel.fromBytes(Files.readAllBytes(file));
                LOG.infof("text model %s read from the cache instead of trained", file);
                return cached;
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                LOG.warnf("the cached text model %s is unreadable (%s); training it again", file, e.getMessage());
            }
        }
        TextModel trained = training.get();
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "training", ".partial");
            Files.write(partial, trained.bytes());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf("the text model could not be kept in %s: %s", directory, e.getMessage());
        }
        return trained;
    }
}
