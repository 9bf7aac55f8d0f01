package com.onestepai.osai.internal;

import com.onestepai.osai.Idempotent;
import com.onestepai.osai.WithoutJwt;
import retrofit2.http.Body;
import retrofit2.http.Headers;
import retrofit2.http.POST;

/**
 * The session's own call: the spec's {@code signIn} ({@code POST /Users/SignIn}), which is marked
 * {@code x-osai-internal} and so generated into no public interface: nothing hands the JWT out to
 * callers. It carries what the spec's extensions would put on a generated method: no JWT ({@code
 * security: []}), retried ({@code x-osai-idempotent}), bodies never logged ({@code
 * x-osai-secret-bodies}). The contract tests check it against the spec, through Prism.
 */
interface SignIn {
  @WithoutJwt
  @Idempotent
  @SecretBodies
  @Headers("Content-Type: application/json")
  @POST("Users/SignIn")
  String signIn(@Body String accessToken);
}
