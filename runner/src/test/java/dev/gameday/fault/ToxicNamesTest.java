package dev.gameday.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToxicNamesTest {
    private static final String RUN = "0123abcd-ffff-4444-8888-000000000000";

    @Test
    void namesCarryTheRunPrefixAndTheStep() {
        assertThat(ToxicNames.of(RUN, "slow-inventory")).isEqualTo("gd-0123abcd-slow-inventory");
        assertThat(ToxicNames.of(RUN, "slow-inventory")).startsWith(ToxicNames.prefix(RUN));
    }

    /** A step name of 64 characters (the longest allowed) still gives a name a server can address. */
    @Test
    void aLongStepNameIsCutToWhatAServerAddressesAndStaysUnique() {
        String a = "a".repeat(60) + "-one";
        String b = "a".repeat(60) + "-two";
        assertThat(ToxicNames.of(RUN, a)).hasSize(ToxicNames.MAX_LENGTH).startsWith(ToxicNames.prefix(RUN));
        assertThat(ToxicNames.of(RUN, a)).isNotEqualTo(ToxicNames.of(RUN, b));
        assertThat(ToxicNames.of(RUN, a)).isEqualTo(ToxicNames.of(RUN, a));
    }
}
