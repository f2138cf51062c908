package dev.digits.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test starts from: the packaged WAR, exactly as `mvn package` built it,
 * deployed at the context root of a real server, and an HTTP client for it.
 */
@ExtendWith({ArquillianExtension.class, ServerLog.class})
abstract class DeployedApp {
  @ArquillianResource URL base;
  Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return war();
  }

  /** The WAR `mvn package` built, as an archive a test may add to before deploying it. */
  static WebArchive war() {
    File war = new File(System.getProperty("war.file", "target/ROOT.war"));
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  /**
   * The WAR with more MicroProfile Config settings: appended to its own
   * META-INF/microprofile-config.properties, whose settings stay.
   */
  static WebArchive warWithConfig(String settings) {
    WebArchive war = war();
    ArchivePath path =
        ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");
    Node own = war.get(path);
    String text = "";
    if (own != null) {
      try (InputStream in = own.getAsset().openStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      war.delete(path);
    }
    return war.add(new StringAsset(text + "\n" + settings), path);
  }

  @BeforeEach
  void connect() {
    http = new Http(base);
  }
}
