package app.nozzly.facilitysim.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * platform-commons words what it refuses in a request body or parameter in English; specs/004 answers in the
 * caller's language, so those reasons are put into Chinese here. A reason not listed stays as commons wrote it.
 */
final class PlatformReasons {

    private record Rule(Pattern english, String chinese) {
    }

    private static final List<Rule> RULES = List.of(
            rule("must be a number", "必须为数字"),
            rule("must be an integer", "必须为整数"),
            rule("must be a UUID", "必须是 UUID"),
            rule("must be a string", "必须为字符串"),
            rule("must be true or false", "必须为 true 或 false"),
            rule("must be an ISO 8601 date or date-time", "必须是 ISO 8601 日期或时间"),
            rule("must be an array", "必须为数组"),
            rule("must be an object", "必须为对象"),
            rule("must be a valid value", "值无效"),
            rule("must be one of (.+)", "必须是以下之一：$1"),
            rule("unknown field; accepted: (.+)", "未知字段；可接受的字段：$1"),
            rule("unknown field", "未知字段"),
            rule("this field may not be set", "不允许设置此字段"),
            rule("invalid value", "值无效"),
            rule("must not contain NUL characters", "不能包含 NUL 字符"),
            rule("must be a finite number", "必须为有限数值"),
            rule("must have at most (\\d+) decimal places", "最多允许$1位小数"),
            rule("must have at most (\\d+) integer digits", "最多允许$1位整数"),
            rule("must be a date between the years 1 and 9999", "必须是公元1年至9999年之间的日期"),
            rule("the number is out of range for (.+)", "数值超出范围"),
            rule("the request body is not valid JSON \\(line (\\d+), column (\\d+)\\)",
                    "请求体不是有效的 JSON（第$1行，第$2列）"),
            rule("the request body exceeds a limit: .*", "请求体超出限制"),
            rule("the request body could not be read", "无法读取请求体"),
            rule("a path or query parameter has a value of the wrong type: .*", "路径或查询参数的值类型错误"),
            rule("the path must not contain control characters", "路径不能包含控制字符"),
            rule("query parameter (.+) must not contain control characters", "查询参数 $1 不能包含控制字符"),
            rule("a required value is missing", "缺少必填值"),
            rule("a value is outside what its field accepts", "值超出字段允许的范围"),
            rule("a text value is longer than its field accepts", "文本超出字段允许的长度"),
            rule("a number is larger or more precise than its field accepts", "数值超出字段允许的大小或精度"),
            rule("a date is outside the range the platform stores", "日期超出允许的范围"),
            rule("a text value holds a character that cannot be stored \\(NUL, say\\)", "文本包含无法存储的字符"),
            rule("a value has the wrong form for its field", "值的格式不正确"),
            rule("a value is out of range for its field", "值超出字段允许的范围"));

    private PlatformReasons() {
    }

    private static Rule rule(String english, String chinese) {
        return new Rule(Pattern.compile(english), chinese);
    }

    static String translate(String reason, Lang lang) {
        if (lang == Lang.EN || reason == null) {
            return reason;
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.english().matcher(reason);
            if (matcher.matches()) {
                return matcher.replaceFirst(rule.chinese());
            }
        }
        return reason;
    }

    /** The field a refusal without field details is about: the body, a named query parameter or the request. */
    static String fieldOf(String message) {
        if (message == null) {
            return "request";
        }
        Matcher parameter = Pattern.compile("query parameter (.+) must not contain control characters").matcher(message);
        if (parameter.matches()) {
            return parameter.group(1);
        }
        return message.startsWith("the request body") ? "body" : "request";
    }
}
