import Accounts
import HTTPServer

extension Handlers {
    func handleListUnits(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ItemsDTO(items: try store.units()))
    }

    func handleCreateUnit(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(CreateUnitBody.self)
        let code = body.code?.trimmingCharacters(in: .whitespaces)
        let unit = try store.insertUnit(name: body.name, parentId: body.parentId, code: code?.isEmpty == true ? nil : code,
                                        now: clock.nowMillis(), actor: context.actor)
        return .json(unit, status: 201)
    }

    func handleListRegions(_ request: Request, _ context: AppContext) throws -> Response {
        .json(ItemsDTO(items: try store.regions()))
    }

    func handleCreateRegion(_ request: Request, _ context: AppContext) throws -> Response {
        let body = try request.decode(CreateRegionBody.self)
        let region = try store.insertRegion(name: body.name, parentId: body.parentId, level: body.level,
                                            now: clock.nowMillis(), actor: context.actor)
        return .json(region, status: 201)
    }

    func handleAudit(_ request: Request, _ context: AppContext) throws -> Response {
        let page = try store.auditEntries(page: try intQuery(request, "page") ?? 1,
                                          pageSize: min(try intQuery(request, "pageSize") ?? 50, 200))
        return .json(PageDTO(page, AuditEntryDTO.init))
    }
}
