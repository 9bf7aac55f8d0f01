// Reports every operation whose effective security (its own, else the document's) needs
// credentials but whose responses do not document 401.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

module.exports = (document) => {
  const results = [];
  const globalSecurity = document.security || [];
  for (const [path, item] of Object.entries(document.paths || {})) {
    for (const method of METHODS) {
      const operation = item && item[method];
      if (!operation) continue;
      const security = operation.security !== undefined ? operation.security : globalSecurity;
      const secured = security.some((requirement) => Object.keys(requirement).length > 0);
      if (secured && !(operation.responses && operation.responses['401'])) {
        results.push({
          message: `${method.toUpperCase()} ${path} is secured but does not document a 401 response.`,
          path: ['paths', path, method, 'responses'],
        });
      }
    }
  }
  return results;
};
