package dev.gameday.judge;

/** The comparison in a tolerance or abort expression such as {@code >= 99%} or {@code p95 > 2s}. */
public enum Comparison {
    GE(">="), GT(">"), LE("<="), LT("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double observed, double bound) {
        return switch (this) {
            case GE -> observed >= bound;
            case GT -> observed > bound;
            case LE -> observed <= bound;
            case LT -> observed < bound;
        };
    }

    public static Comparison ofSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'");
    }
}
