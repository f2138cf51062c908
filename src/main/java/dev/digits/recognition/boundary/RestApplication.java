package dev.digits.recognition.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JSON API lives under /api; the old app's routes reach it through LegacyRouteFilter. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Digit Identifier",
            version = "1",
            description =
                "Recognises a handwritten digit in an image. The old app's routes POST /digit/ (ANN) and"
                    + " POST /digit/cnn/ (CNN) answer a bare JSON number; /api/v1 answers probabilities and more."))
public class RestApplication extends Application {}
