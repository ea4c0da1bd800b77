package dev.gameday.proxy;

import org.junit.jupiter.api.Order;

/** {@link ToxicBehaviourTest} with the proxies' data path on NIO. */
@Order(9) // a long pole of the suite: started among the first, so the others fill in beside it
class ToxicBehaviourOnNioTest extends ToxicBehaviourTest {
    @Override
    protected String transport() {
        return "nio";
    }
}
