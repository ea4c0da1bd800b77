package dev.gameday.room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The runs folder is a folder the room can read and write (notes and control requests go there). */
final class StorageHealth implements HealthCheck {
    private final Path runsDir;

    StorageHealth(Path runsDir) {
        this.runsDir = runsDir;
    }

    @Override
    public Health check() {
        if (!Files.isDirectory(runsDir)) {
            return new Health("storage", false, runsDir + " is not a folder");
        }
        if (!Files.isReadable(runsDir) || !Files.isWritable(runsDir)) {
            return new Health("storage", false, runsDir + " cannot be read and written");
        }
        try {
            Path probe = Files.createTempFile(runsDir, ".health", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return new Health("storage", false, "cannot write in " + runsDir + ": " + e.getMessage());
        }
        return new Health("storage", true, runsDir + " is readable and writable");
    }
}
