package dev.digits.recognition.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under /api; the old app's routes reach it through LegacyRouteFilter. */
@ApplicationPath("api")
public class RestApplication extends Application {}
