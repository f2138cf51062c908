package dev.digits.inference.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The answer to GET /v2 ($metadata_server_response): the server and its protocol extensions. */
@JsonbPropertyOrder({"name", "version", "extensions"})
public record ServerMetadata(String name, String version, List<String> extensions) {
  public ServerMetadata {
    extensions = List.copyOf(extensions);
  }
}
