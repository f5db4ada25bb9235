package app.nozzly.facilitysim.common;

import java.util.Locale;

/** Every text the API answers with, in English and Chinese (specs/004 "Language Support"). */
public enum Msg {
    SUCCESS("Success", "成功"),
    MATERIALS_PRODUCED("Materials produced successfully", "原材料生产成功"),
    PRODUCTION_RECORD_RETRIEVED("Production record retrieved", "生产记录获取成功"),
    PRODUCTION_HISTORY_RETRIEVED("Production history retrieved", "生产历史获取成功"),
    ESTIMATE_CALCULATED("Production estimate calculated", "生产预估计算完成"),
    TRANSACTIONS_RETRIEVED("Transactions retrieved", "交易记录获取成功"),
    RAW_MATERIALS_RETRIEVED("Raw materials retrieved", "原材料列表获取成功"),
    MATERIAL_DETAILS_RETRIEVED("Material details retrieved", "原材料详情获取成功"),
    INVENTORY_RETRIEVED("Inventory retrieved", "库存获取成功"),
    TEAM_CREATED("Team created", "团队已创建"),
    TEAM_RETRIEVED("Team retrieved", "团队信息获取成功"),
    TEAMS_RETRIEVED("Teams retrieved", "团队列表获取成功"),
    FUNDS_GRANTED("Funds granted", "资金已发放"),
    FACILITY_CREATED("Facility placed", "设施已放置"),
    FACILITY_UPDATED("Facility updated", "设施已更新"),
    FACILITY_RETRIEVED("Facility retrieved", "设施信息获取成功"),
    FACILITIES_RETRIEVED("Facilities retrieved", "设施列表获取成功"),
    CONNECTION_CREATED("Infrastructure connected", "基础设施已连接"),
    CONNECTION_UPDATED("Infrastructure connection updated", "基础设施连接已更新"),
    CONNECTIONS_RETRIEVED("Infrastructure connections retrieved", "基础设施连接获取成功"),

    VALIDATION_FAILED("Validation failed", "验证失败"),
    INSUFFICIENT_RESOURCES("Insufficient resources", "资源不足"),
    NO_INFRASTRUCTURE_CONNECTION("No infrastructure connection", "缺少基础设施连接"),
    INSUFFICIENT_SPACE("Insufficient space", "存储空间不足"),
    INVALID_FACILITY_TYPE("Invalid facility type", "设施类型无效"),
    PRODUCTION_NOT_FOUND("Production record not found", "生产记录不存在"),
    PROVIDER_CAPACITY_EXCEEDED("Provider capacity exceeded", "供应商容量不足"),
    INVALID_MATERIAL_FOR_FACILITY("Invalid material for facility", "该设施不能生产此原材料"),
    MATERIAL_NOT_FOUND("Material not found", "原材料不存在"),
    UNAUTHORIZED("Authentication required", "需要登录认证"),
    FORBIDDEN("Not allowed", "无权执行此操作"),
    NOT_FOUND("Not found", "资源不存在"),
    METHOD_NOT_ALLOWED("Method not allowed", "不支持此请求方法"),
    NOT_ACCEPTABLE("Not acceptable", "无法提供请求的格式"),
    PAYLOAD_TOO_LARGE("Request body too large", "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE("Unsupported media type", "不支持的内容类型"),
    UNPROCESSABLE("Request cannot be processed", "请求无法处理"),
    SERVICE_UNAVAILABLE("Service temporarily unavailable, please retry later", "服务暂时不可用，请稍后再试"),
    FACILITY_NOT_FOUND("Facility not found", "设施不存在"),
    TEAM_NOT_FOUND("Team not found", "团队不存在"),
    CONNECTION_NOT_FOUND("Infrastructure connection not found", "基础设施连接不存在"),
    CONFLICT("Conflict with the current state", "与当前状态冲突"),
    RATE_LIMITED("Too many requests, please retry later", "请求过于频繁，请稍后再试"),
    INTERNAL_ERROR("Internal server error", "服务器内部错误"),

    NOT_AN_INTEGER("must be a whole number", "必须为整数"),
    ONE_OF("must be one of %s", "必须是以下之一：%s"),
    NOT_A_DATE("must be an ISO 8601 date or date-time", "必须是 ISO 8601 日期或时间"),
    NOT_AN_ID("is not a valid id", "不是有效的ID"),
    NOT_BELOW_USED_SPACE("must not be below the space already used (%s)", "不能小于已使用的空间（%s）"),
    TILE_OCCUPIED("tile (%s, %s) already holds a facility", "地块 (%s, %s) 上已有设施"),
    NAME_TAKEN("a team with this name already exists", "已存在同名团队"),
    NOT_A_PROVIDER("must be a WATER or POWER provider facility", "必须是水或电供应设施"),
    NOT_A_PRODUCER("must be a production facility (MINE, QUARRY, FOREST, FARM, RANCH or FISHERY)",
            "必须是生产设施（矿山、采石场、森林、农场、牧场或渔场）"),
    PROVIDER_NEEDS_PRICE("is required for WATER and POWER providers", "水电供应设施必须设置此项"),
    NO_TEAM_CLAIM("your token names no team (claim team_id)", "令牌中没有团队信息（team_id）"),
    OTHER_TEAM("belongs to another team", "属于其他团队"),

    ISSUE_FACILITY_TYPE("Facility type %s cannot produce raw materials", "设施类型 %s 不能生产原材料"),
    ISSUE_MATERIAL_FOR_FACILITY("%s requires a %s facility, this facility is %s", "%s 需要 %s 设施，此设施为 %s"),
    ISSUE_NO_CONNECTION("No active %s connection", "没有有效的%s连接"),
    ISSUE_CAPACITY("%s provider can deliver %s more this period, %s needed", "%s供应商本周期还可提供 %s，需要 %s"),
    ISSUE_FUNDS("Insufficient funds: %s needed, %s available", "资金不足：需要 %s，可用 %s"),
    ISSUE_SPACE("Insufficient storage space: %s needed, %s available", "存储空间不足：需要 %s，可用 %s"),
    WATER("water", "水"),
    POWER("power", "电");

    private final String english;
    private final String chinese;

    Msg(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String text(Lang lang, Object... args) {
        String pattern = lang.pick(english, chinese);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }
}
