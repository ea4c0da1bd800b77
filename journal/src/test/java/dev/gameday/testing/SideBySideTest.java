package dev.gameday.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    @Test
    void everyCaseIsCheckedWithTheItemMadeForItsIndex() throws Exception {
        AtomicInteger next = new AtomicInteger();
        ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        SideBySide.check(500, () -> next.getAndIncrement() * 3, (index, item) -> seen.put(index, item));
        assertThat(seen).hasSize(500);
        seen.forEach((index, item) -> assertThat(item).isEqualTo(index * 3));
    }

    @Test
    void theLowestFailingCaseIsTheFailureReported() {
        AtomicInteger next = new AtomicInteger();
        assertThatThrownBy(() -> SideBySide.check(300, next::getAndIncrement, (index, item) -> {
            if (item % 7 == 6) {
                throw new AssertionError("case " + index);
            }
        })).isInstanceOf(AssertionError.class).hasMessage("case 6");
    }
}
