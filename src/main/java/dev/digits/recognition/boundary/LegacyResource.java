package dev.digits.recognition.boundary;

import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The old app's API: the body is an image (a data URL as raw text, in the old clients), the answer
 * the digit as a bare JSON number. POST /digit/ and POST /digit/cnn/ are forwarded here.
 */
@Path("legacy/{model: ann|cnn}")
@ApplicationScoped
public class LegacyResource {
  @Inject Recognizer recognizer;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The old app's API (reached as POST /digit/ for the ANN and POST /digit/cnn/ for the CNN)",
      description = "Send a data URL (data:image/png;base64,...) as the raw body; the answer is a bare JSON number.")
  public String predict(@PathParam("model") String model, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
    byte[] image = ImagePayload.imageBytes(BodyReader.read(body, contentLength), contentType);
    return Integer.toString(recognizer.recognize(image, model).prediction().digit());
  }
}
