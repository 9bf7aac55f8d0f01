package com.onestepai.osai;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PrismServer} parameter: one Prism for the whole test run, started on first
 * use and stopped when the run ends, whether tests passed or failed.
 */
public final class PrismExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PrismServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    return store.getOrComputeIfAbsent(
            PrismServer.class.getName(), key -> new Resource(), Resource.class)
        .prism;
  }

  /** Closed by JUnit when the root context closes: at the end of the run. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    final PrismServer prism;

    Resource() {
      try {
        prism = PrismServer.startWithProjectSpec();
      } catch (Exception e) {
        throw new IllegalStateException("Could not start Prism", e);
      }
    }

    @Override
    public void close() {
      prism.close();
    }
  }
}
