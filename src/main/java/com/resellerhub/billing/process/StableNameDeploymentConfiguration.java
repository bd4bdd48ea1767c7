package com.resellerhub.billing.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * Auto-deploys what {@code camunda.bpm.deployment-resource-pattern} finds (the BPMN files of {@code processes/}
 * and the Camunda Forms of {@code forms/}) under stable names such as {@code processes/postpay-approval.bpmn}.
 *
 * <p>Camunda names a deployed resource by its absolute file path when it comes from a directory
 * ({@code spring-boot:run}, tests) and by its bare file name when it comes from the jar. Duplicate filtering
 * compares names, so the two ways of starting the application would create new definition versions of unchanged
 * files. A {@link ContextResource} is named by its path within the context, which is what this class gives.
 */
public class StableNameDeploymentConfiguration extends DefaultDeploymentConfiguration {

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> named = new LinkedHashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      named.add(new StablyNamedResource(resource, stableName(resource)));
    }
    return named;
  }

  /** The resource's folder and file name, e.g. {@code forms/review-postpay-permission.form}. */
  static String stableName(Resource resource) {
    String path;
    try {
      path = resource.getURL().toString();
    } catch (IOException e) {
      path = String.valueOf(resource.getFilename());
    }
    path = path.replace('\\', '/');
    int file = path.lastIndexOf('/');
    int folder = file <= 0 ? -1 : path.lastIndexOf('/', file - 1);
    return path.substring(folder + 1);
  }

  /** Delegates reading to the found resource, and names it by its stable relative path. */
  static final class StablyNamedResource extends AbstractResource implements ContextResource {
    private final Resource delegate;
    private final String name;

    StablyNamedResource(Resource delegate, String name) {
      this.delegate = delegate;
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public boolean exists() {
      return delegate.exists();
    }

    @Override
    public URL getURL() throws IOException {
      return delegate.getURL();
    }

    @Override
    public URI getURI() throws IOException {
      return delegate.getURI();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return delegate.getInputStream();
    }

    @Override
    public String getDescription() {
      return "deployment resource [" + name + "] from " + delegate.getDescription();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StablyNamedResource o && o.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
