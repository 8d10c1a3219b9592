/**
 * Password policy: at least 10 characters drawn from at least 3 of 4 classes
 * (lower case, upper case, digits, other). Returns the Chinese reason, or undefined when it passes.
 */
export function checkPasswordPolicy(pw: string): string | undefined {
  if (pw.length < 10) return '密码至少 10 位';
  if (pw.length > 128) return '密码不超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return undefined;
}
