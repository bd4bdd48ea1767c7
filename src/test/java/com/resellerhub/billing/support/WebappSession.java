package com.resellerhub.billing.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A user logged in to one of Camunda's webapps (Tasklist, Cockpit, Admin) as a browser is: session cookie and
 * CSRF token, calling the webapps' own API ({@code /camunda/api/...}) the way the webapps do.
 */
public final class WebappSession {

  private final String base;
  private final HttpClient client;
  private final String xsrf;
  public final int loginStatus;

  private WebappSession(String base, HttpClient client, String xsrf, int loginStatus) {
    this.base = base;
    this.client = client;
    this.xsrf = xsrf;
    this.loginStatus = loginStatus;
  }

  /** Opens {@code app} and logs in; see {@link #loginStatus} (200 when the user may use the app). */
  public static WebappSession login(int port, String app, String user, String password) {
    String base = "http://localhost:" + port;
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    try {
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
          BodyHandlers.discarding());
      String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().orElseThrow().getValue();
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
          BodyHandlers.ofString());
      // Logging in starts a new session; its CSRF token comes with the first read, as the webapps do it.
      HttpResponse<Void> me = client.send(HttpRequest.newBuilder(
          URI.create(base + "/camunda/api/admin/auth/user/default")).build(), BodyHandlers.discarding());
      String current = me.headers().firstValue("X-XSRF-TOKEN").orElse(xsrf);
      return new WebappSession(base, client, current, login.statusCode());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A call of the webapps' API, e.g. {@code POST /camunda/api/engine/engine/default/task} with a JSON body. */
  public HttpResponse<String> call(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf)
        .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return client.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The webapps' copy of the engine REST API: {@code /camunda/api/engine/engine/default} + {@code resource}. */
  public HttpResponse<String> engine(String method, String resource, String json) {
    return call(method, "/camunda/api/engine/engine/default" + resource, json);
  }
}
