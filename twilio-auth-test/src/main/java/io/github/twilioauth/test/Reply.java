package io.github.twilioauth.test;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * What the mock server writes back for one request.
 */
interface Reply {

    /**
     * Writes the status, headers and body.
     * @param exchange the request's exchange
     * @throws IOException if the client went away
     */
    void send(HttpExchange exchange) throws IOException;
}
