package de.stadtlabore.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Entry points for HTTP tests: every request goes through the contract validator. */
public final class Api {

    private Api() {
    }

    /** A request whose request and response must both match the contract. */
    public static RequestSpecification api() {
        return given().filter(Contract.STRICT);
    }

    /** A deliberately wrong request: only the response is held to the contract. */
    public static RequestSpecification wrongRequest() {
        return given().filter(Contract.RESPONSE_ONLY);
    }

    /** A request outside any documented operation (unknown route or method); nothing to validate against. */
    public static RequestSpecification undocumented() {
        return given();
    }

    /** A request with a bearer token. */
    public static RequestSpecification as(String token) {
        return api().header("Authorization", "Bearer " + token);
    }
}
