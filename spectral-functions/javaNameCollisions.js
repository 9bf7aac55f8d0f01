// Reports operationIds, and component schema names, that become the same Java name: the generator
// camel-cases them, so `GetUser` and `getUser`, or `user_profile` and `UserProfile`, collide.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const javaKey = (name) => String(name).replace(/[^A-Za-z0-9]/g, '').toLowerCase();

module.exports = (document) => {
  const results = [];
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths || {})) {
    for (const method of METHODS) {
      const operation = item && item[method];
      if (!operation || !operation.operationId) continue;
      const key = javaKey(operation.operationId);
      const first = operations.get(key);
      if (first && first.id !== operation.operationId) {
        results.push({
          message: `${method.toUpperCase()} ${path}: operationId ${operation.operationId} and ${first.id} (${first.where}) become the same Java method; rename one.`,
          path: ['paths', path, method, 'operationId'],
        });
      } else if (!first) {
        operations.set(key, { id: operation.operationId, where: `${method.toUpperCase()} ${path}` });
      }
    }
  }
  const schemas = new Map();
  for (const name of Object.keys((document.components || {}).schemas || {})) {
    const key = javaKey(name);
    if (schemas.has(key)) {
      results.push({
        message: `Schemas ${name} and ${schemas.get(key)} become the same Java class; rename one.`,
        path: ['components', 'schemas', name],
      });
    } else {
      schemas.set(key, name);
    }
  }
  return results;
};
