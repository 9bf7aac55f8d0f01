package com.onestepai.osai.internal;

import com.onestepai.osai.UploadFile;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Gives each {@link UploadFile} part of a multipart body its filename. Retrofit writes a
 * {@code @Part("file")} body as {@code form-data; name="file"}, without a filename, and ASP.NET
 * binds an {@code IFormFile} only from a part with one: each such part is rebuilt as {@code
 * form-data; name="file"; filename="cat.png"}, in the same body (same boundary, same type, same
 * order). Other bodies and parts go on as they are.
 */
final class UploadParts implements Interceptor {
  /** How Retrofit writes a named part's disposition: {@code form-data; name="NAME"}. */
  private static final String RETROFIT_DISPOSITION = "form-data; name=\"";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!(request.body() instanceof MultipartBody)) {
      return chain.proceed(request);
    }
    MultipartBody body = (MultipartBody) request.body();
    MultipartBody.Builder rebuilt = new MultipartBody.Builder(body.boundary()).setType(body.type());
    boolean changed = false;
    for (MultipartBody.Part part : body.parts()) {
      String name = part.body() instanceof UploadFile ? name(part) : null;
      if (name == null) {
        rebuilt.addPart(part);
      } else {
        UploadFile file = (UploadFile) part.body();
        rebuilt.addPart(MultipartBody.Part.createFormData(name, file.filename(), file));
        changed = true;
      }
    }
    return chain.proceed(
        changed ? request.newBuilder().method(request.method(), rebuilt.build()).build() : request);
  }

  /** The part's name as Retrofit wrote it, or null if its disposition is not Retrofit's. */
  static @Nullable String name(MultipartBody.Part part) {
    String disposition = part.headers() == null ? null : part.headers().get("Content-Disposition");
    if (disposition == null
        || !disposition.startsWith(RETROFIT_DISPOSITION)
        || !disposition.endsWith("\"")
        || disposition.length() <= RETROFIT_DISPOSITION.length()) {
      return null;
    }
    return disposition.substring(RETROFIT_DISPOSITION.length(), disposition.length() - 1);
  }
}
