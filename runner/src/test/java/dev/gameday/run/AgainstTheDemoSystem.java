package dev.gameday.run;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run experiments against a fresh {@link RunTestBed}, writing under a temporary folder. */
abstract class AgainstTheDemoSystem {
    @TempDir
    Path tmp;

    RunTestBed bed;

    @BeforeEach
    void startTheBed() throws Exception {
        bed = new RunTestBed();
    }

    @AfterEach
    void stopTheBed() throws Exception {
        bed.close();
    }

    /** Where the runs of a test go. */
    Path out() {
        return tmp.resolve("runs");
    }
}
