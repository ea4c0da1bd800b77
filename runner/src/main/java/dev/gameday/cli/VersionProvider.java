package dev.gameday.cli;

import picocli.CommandLine;

/** {@code --version}: the jar's Implementation-Version, and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "gameday " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }

    static String version() {
        String v = Gameday.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
