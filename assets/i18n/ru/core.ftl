# Общие термины, единицы и сообщения о числах (src/i18n).

## Числа

num-millions = { $n } млн
num-error-empty = введите число
num-error-not-a-number = «{ $text }» — не число: пишите цифры и запятую для дробной части, например 1 234 567,8
num-error-decimal-comma = в английской записи дробную часть отделяет точка: напишите { $meant }, а не { $text }
num-error-bad-grouping = «{ $text }»: тысячи разделяйте пробелами, а дробную часть — запятой, например 1 234 567,8
num-error-mixed-marks = в «{ $text }» несколько знаков «,» и «.»: тысячи разделяйте пробелами, дробную часть — запятой, например 1 234 567,8
num-error-ambiguous = «{ $text }» можно прочесть двояко: { $decimal } (дробное) или { $thousands } (целое); напишите { $decimal } или { $thousands }

## Счёт

core-years = { $n ->
    [one] { $shown } год
    [few] { $shown } года
    [many] { $shown } лет
   *[other] { $shown } года
}

## Валюты и единицы

currency-USD = долл.
currency-RUB = руб.
currency-CNY = юаней
currency-EUR = евро
unit-kg = кг
unit-t = т
unit-g = г
unit-year = год
# The unit shown for a project without a main product.
unit-fallback = ед.

## Термины (docs/GLOSSARY.md)

term-npv = ЧДД
term-npv-full = чистый дисконтированный доход
term-investor-npv = ЧДД инвестора
term-irr = ВНД
term-irr-full = внутренняя норма доходности
term-mirr = МВНД
term-mirr-full = модифицированная внутренняя норма доходности
term-payback = срок окупаемости
term-pi = ИД
term-pi-full = индекс доходности
term-discount-rate = норма дисконта
term-breakeven-price = цена безубыточности
term-unit-cost = приведённая себестоимость единицы продукции
term-benchmark-price = цена импорта (ориентир)
term-required-support = необходимая поддержка
term-pv-budget-cost = приведённые затраты бюджета
term-budget-efficiency = бюджетная эффективность
term-ebitda = EBITDA (прибыль до вычета процентов, налогов и амортизации)
term-cash-flow = денежный поток
term-ledger = таблица денежных потоков
term-base-case = базовый вариант
term-scenario = сценарий
term-funding-option = вариант поддержки
term-real-money = постоянные цены (цены первого года)
term-nominal-money = текущие цены
term-capex = капитальные вложения
term-opex = операционные затраты
term-working-capital = оборотный капитал
term-depreciation = амортизация
term-loss-carry-forward = перенос убытков на будущее
term-profit-tax = налог на прибыль
term-property-tax = налог на имущество организаций
term-vat = НДС
term-social-contributions = страховые взносы
term-mineral-extraction-tax = НДПИ (налог на добычу полезных ископаемых)
term-royalty = роялти
term-grant = капитальный грант
term-operating-subsidy = операционная субсидия
term-soft-loan = льготный заём
term-interest-subsidy = субсидирование процентной ставки
term-tax-holiday = налоговые каникулы
term-offtake-guarantee = гарантия цены закупки (офтейк)
term-arctic-zone = резидент Арктической зоны
term-sensitivity = чувствительность
term-tornado = диаграмма «торнадо»
term-switching-value = критическое значение
term-monte-carlo = моделирование методом Монте-Карло
term-driver = фактор риска
