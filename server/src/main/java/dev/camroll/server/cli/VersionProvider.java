package dev.camroll.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of the build (from a resource Maven fills in) and of the Java runtime. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        Runtime.Version java = Runtime.version();
        String vendor = System.getProperty("java.vendor", "");
        return new String[] {"camroll " + version(), "Java " + java + " (" + vendor + ")"};
    }
}
