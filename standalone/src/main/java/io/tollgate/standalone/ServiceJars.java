package io.tollgate.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The service jars travel inside the standalone jar (under {@code services/}) and run from the data
 * folder; they are extracted again only when the embedded copy differs (size and CRC of the entry).
 */
final class ServiceJars {

    private final Path directory;

    ServiceJars(Path directory) {
        this.directory = directory;
    }

    Path extract(TollgateService service) {
        URL embedded = ServiceJars.class.getResource("/services/" + service.jarName());
        if (embedded == null) {
            throw new StartupException("this build of Tollgate lacks " + service.jarName()
                    + "; build it with ./mvnw -DskipTests install");
        }
        Path jar = directory.resolve(service.jarName());
        Path versionFile = directory.resolve(service.jarName() + ".version");
        try {
            Files.createDirectories(directory);
            URLConnection connection = embedded.openConnection();
            String version = version(connection);
            if (Files.exists(jar) && Files.exists(versionFile) && Files.readString(versionFile).equals(version)) {
                return jar;
            }
            Path partial = directory.resolve(service.jarName() + ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(versionFile, version);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + service.jarName() + " to " + directory, e);
        }
    }

    private static String version(URLConnection connection) throws IOException {
        if (connection instanceof JarURLConnection entry) {
            return entry.getJarEntry().getSize() + "-" + Long.toHexString(entry.getJarEntry().getCrc());
        }
        // not packaged (running from target/classes): size and time of the file
        return connection.getContentLengthLong() + "-" + connection.getLastModified();
    }
}
